# context: package.json server.js .git/HEAD .git/config
# .dockerignore: .git
FROM node:22-slim
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
