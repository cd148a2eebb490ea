FROM python:3.12-slim
COPY app.py /app/
USER 1000
CMD ["python", "/app/app.py", "--worker"]
