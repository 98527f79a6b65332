import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  envPrefix: ["VITE_"],
  // Tauri's dev window loads http://localhost:1420; a busy port must fail
  // loudly instead of moving silently.
  server: {
    port: 1420,
    strictPort: true,
  },
  preview: {
    strictPort: true,
  },
  build: {
    // WebKitGTK on Linux (and WebKit on macOS) is the oldest engine we ship to.
    target: "safari15",
    // Every asset becomes a file under 'self': the app's CSP allows no data: URLs.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test-setup.ts"],
    environment: "node",
  },
});
