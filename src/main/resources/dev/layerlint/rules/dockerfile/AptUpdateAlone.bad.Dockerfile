FROM debian:12.5-slim
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl wget
RUN rm -rf /var/lib/apt/lists/*
