FROM node:20.18.0-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
# too late: .git and .env stay in the COPY layer
RUN rm -rf .git .env
CMD ["node", "server.js"]
