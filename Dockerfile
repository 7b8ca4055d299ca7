# The claimgraph API. Neo4j runs in its own container (see docker-compose.yml), so this image
# needs no Java: NEO4J_URI is always set here.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the console is built below, once the sources are in place.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build:console
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
# node itself (not npx or npm) is PID 1, so SIGTERM reaches main.ts and shutdown runs.
CMD ["node", "--import", "tsx", "src/main.ts"]
