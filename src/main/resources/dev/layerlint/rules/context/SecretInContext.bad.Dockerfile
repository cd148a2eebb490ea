# context: requirements.txt app.py .env
# .dockerignore: .git
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "app.py"]
