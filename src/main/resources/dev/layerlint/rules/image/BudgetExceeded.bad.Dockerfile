# <budget><maxImageSize>150MB</maxImageSize></budget>
FROM python:3.11.6
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]
