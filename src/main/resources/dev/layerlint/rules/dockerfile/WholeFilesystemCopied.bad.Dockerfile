FROM golang:1.22.1 AS build
WORKDIR /src
COPY . .
RUN go build -o /out/server ./cmd/server

FROM debian:12.5-slim
COPY --from=build / /
USER 10001
ENTRYPOINT ["/out/server"]
