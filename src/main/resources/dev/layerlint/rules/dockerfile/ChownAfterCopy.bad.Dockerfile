FROM python:3.11.6-slim
WORKDIR /app
COPY app/ ./app/
RUN useradd -m -u 1000 appuser && chown -R appuser:appuser /app
USER appuser
