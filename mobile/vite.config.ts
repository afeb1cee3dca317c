import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const gateway = process.env.MOVEACCES_GATEWAY ?? 'http://127.0.0.1:8080';

/** The API's paths: proxied in development, never answered by the service worker. */
const apiPaths = ['/auth', '/users', '/subscriptions', '/realtime', '/ws'];

/**
 * In development the API is reached through the dev server's proxy (same origin), so the
 * refresh cookie's SameSite=Strict and Path=/auth hold as they do in production.
 */
function devAppConfig(): Plugin {
  return {
    name: 'moveacces-dev-app-config',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/app-config.json', (_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.setHeader('Cache-Control', 'no-store');
        response.end(JSON.stringify({ apiOrigin: '' }));
      });
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    devAppConfig(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      strategies: 'generateSW',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon-180.png'],
      manifest: {
        id: '/',
        name: 'Move Acces',
        short_name: 'Move Acces',
        description: 'Vos abonnements Move Acces',
        lang: 'fr',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: '#0061a4',
        background_color: '#fdfcff',
        categories: ['lifestyle', 'sports'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        // Workbox's default globs leave out woff2: the bundled Roboto must be precached.
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        globIgnores: ['app-config.json'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [
          /^\/app-config\.json$/,
          ...apiPaths.map((path) => new RegExp(`^${path}(/|$)`)),
        ],
        cleanupOutdatedCaches: true,
        // The runtime configuration follows the deployment: always asked of the network, the
        // last answer kept only for starting offline. API responses are never cached.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/app-config.json',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'moveacces-app-config',
              networkTimeoutSeconds: 3,
              expiration: { maxEntries: 1 },
            },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: {
    // Nothing inlined as data: URLs, so fonts and images pass a CSP without 'unsafe-inline'.
    assetsInlineLimit: 0,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(
      apiPaths.map((path) => [path, { target: gateway, changeOrigin: false, ws: path === '/ws' || path === '/realtime' }]),
    ),
  },
});
