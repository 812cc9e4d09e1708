"""gunicorn settings for the container; each can be overridden with GUNICORN_CMD_ARGS."""
import os

bind = "0.0.0.0:8000"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Load the app once in the master so every worker shares one settings import (and one generated
# secret key when DJANGO_SECRET_KEY is unset).
preload_app = True
# Heartbeat files on tmpfs: a container's overlay filesystem can stall workers into timeouts.
worker_tmp_dir = "/dev/shm"
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
