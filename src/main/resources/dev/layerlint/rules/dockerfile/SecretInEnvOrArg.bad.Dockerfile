FROM node:20.11.1-alpine3.19
ARG NPM_TOKEN=npm_3kd93jd83kd
ENV DB_PASSWORD=changeme
RUN npm ci
