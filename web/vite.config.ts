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
    // The pages other than the home page are loaded on first use (React.lazy in
    // modules.ts); the libraries are split so that a change of the app's code leaves the
    // browser's cached copies of React, antd and ECharts valid.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes("node_modules")) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return "echarts";
          if (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id)) return "react";
          return undefined;
        },
      },
    },
    reportCompressedSize: false,
  },
});
