import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The API server that `npm run dev` proxies to (the Fastify server's default port). */
const API = "http://localhost:3000";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: API, changeOrigin: false },
      "/public": { target: API, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // antd is one large chunk; the app is used on an intranet, so one bundle is fine.
    chunkSizeWarningLimit: 3000,
    reportCompressedSize: false,
  },
});
