# <budget><maxImageSize>150MB</maxImageSize></budget>
FROM python:3.11.6-slim
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "app.py"]
