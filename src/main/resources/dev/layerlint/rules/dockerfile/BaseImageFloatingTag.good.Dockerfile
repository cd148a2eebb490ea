FROM python:3.11.6-slim
