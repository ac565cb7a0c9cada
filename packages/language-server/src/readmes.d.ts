// Rule READMEs by id, bundled at build time (an esbuild plugin in scripts/build.mjs).
declare module 'ximo:rule-readmes' {
  const readmes: Record<string, string>
  export default readmes
}
