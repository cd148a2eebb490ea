FROM python:3.11.6-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5
COPY requirements.txt .
RUN pip install -r requirements.txt
