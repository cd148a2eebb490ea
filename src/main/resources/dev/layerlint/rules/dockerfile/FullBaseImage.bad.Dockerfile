FROM python:3.11.6
COPY app.py .
CMD ["python", "app.py"]
