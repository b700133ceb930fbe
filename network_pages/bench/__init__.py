"""`manage.py bench` (`make bench`): grow a database to the network's size, serve it with
gunicorn as in production, load every page type and print what each request costs.

grow.py grows the data, pages.py picks what to load, serve.py runs gunicorn, load.py is the
load generator, report.py prints the table. See BENCHMARKS.md for the method and results.
"""
