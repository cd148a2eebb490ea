FROM node:20.11.1-alpine3.19
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
ENV DB_PASSWORD_FILE=/run/secrets/db_password
