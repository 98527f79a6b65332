/** @type {import("@sveltejs/vite-plugin-svelte").SvelteConfig} */
export default {
  compilerOptions: {
    // Svelte 5 runes everywhere; legacy component syntax is an error.
    runes: true,
  },
};
