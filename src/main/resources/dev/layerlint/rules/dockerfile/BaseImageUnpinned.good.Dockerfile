FROM node:20.11.1-alpine3.19
