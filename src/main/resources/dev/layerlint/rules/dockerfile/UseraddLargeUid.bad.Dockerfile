FROM debian:12.5-slim
RUN useradd --uid 1000000 --create-home app
USER app
