"""Shared machinery with no Qt and no feature knowledge.

Glossary: 党群服务中心 = party–masses service center (the "center"); 行政区划代码 = administrative
division code (GB/T 2260 plus street and community segments, 12 digits).
"""
