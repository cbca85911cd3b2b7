"""The seed's client flow, as a Python program would call the service:
log in (the first login registers), set my state, read it back.

    python3 scripts/seed-client.py http://127.0.0.1:5000

Prints the read's JSON; exits non-zero if it is not {"state": "active"}.
"""
import sys

import requests

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5000"
user = sys.argv[2] if len(sys.argv) > 2 else "alice"

login = requests.post(f"{base}/login", json={"username": user, "password": "secret"}, timeout=10)
login.raise_for_status()
token = login.json()["token"]

written = requests.post(
    f"{base}/set_state", json={"state": "active"}, headers={"Authorization": token}, timeout=10
)
written.raise_for_status()

# The seed's client sends the username as a JSON body on GET.
read = requests.get(f"{base}/get_state", json={"username": user}, timeout=10)
read.raise_for_status()
print(read.text)
sys.exit(0 if read.json() == {"state": "active"} else 1)
