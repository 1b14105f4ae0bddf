# Web image: the built SPA behind nginx, which also proxies /api, /realtime and /webhooks to the API replicas.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json ./
COPY libs ./libs
COPY apps/web ./apps/web
COPY apps/api/package.json ./apps/api/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build -w @ringtonic/contracts && npm run build -w @ringtonic/web

FROM nginx:1.27-alpine
COPY deploy/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
