# The app: a production build served by nginx with the security headers. Not built by CI (no Docker engine there).
#   docker build -f deploy/Dockerfile.app -t fhirokta-app .
#   docker run -p 8080:8080 -e FHIROKTA_ISSUER_ORIGIN=https://dev-123.okta.com \
#     -e FHIROKTA_FHIR_ORIGIN=https://fhir.example.org -v $PWD/my-config.json:/usr/share/nginx/html/config.json:ro fhirokta-app
FROM node:20-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx ng build

FROM nginx:1.27-alpine
COPY deploy/nginx.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/fhirokta/browser /usr/share/nginx/html
EXPOSE 8080
