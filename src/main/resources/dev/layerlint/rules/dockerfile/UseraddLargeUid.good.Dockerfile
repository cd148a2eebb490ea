FROM debian:12.5-slim
RUN useradd --no-log-init --uid 1000000 --create-home app
USER app
