// Word lists (.txt) are imported as strings: esbuild's text loader in the build, a small
// vitest plugin in the tests.
declare module '*.txt' {
  const content: string
  export default content
}
