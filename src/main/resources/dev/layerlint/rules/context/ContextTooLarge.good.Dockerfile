# context: app.py data/dump.sql=80MB
# .dockerignore: .git
# .dockerignore: data
# maxContextSize: 50MB
FROM python:3.12-slim
COPY app.py /app/
CMD ["python", "/app/app.py"]
