import pandas as pd
import plotly.express as px
import streamlit as st

st.title("Monthly revenue")
sales = pd.read_csv("data/sales.csv")
st.plotly_chart(px.line(sales, x="month", y="revenue"))
