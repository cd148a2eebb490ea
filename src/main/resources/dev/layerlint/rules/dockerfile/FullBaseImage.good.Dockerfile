FROM python:3.11.6-slim
COPY app.py .
CMD ["python", "app.py"]
