FROM python:3.11.6-slim
COPY . /app
USER 10001
EXPOSE 8000
# python:3.11.6-slim has no curl
HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
