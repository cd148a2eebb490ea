FROM python:3.11.6-slim
COPY requirements.txt .
RUN pip install -r requirements.txt
