FROM node:20.11.1-alpine3.19
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci && npm cache clean --force
COPY . .
CMD ["node", "server.js"]
