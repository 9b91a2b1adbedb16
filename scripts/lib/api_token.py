"""Logs in to a running server and prints, on one line, a new personal access token with
every scope, the session cookie and the CSRF token of that login.

Usage: api_token.py BASE_URL EMAIL PASSWORD
"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
opener.open(f"{base}/konto/logowanie").read()
csrf = next(c.value for c in jar if c.name.endswith("wsp_csrf"))


def post(path, fields):
    data = urllib.parse.urlencode([("csrf", csrf)] + fields).encode()
    return opener.open(urllib.request.Request(f"{base}{path}", data=data)).read().decode()


post("/konto/logowanie", [("email", email), ("password", password)])
# The login rotates the CSRF token.
csrf = next(c.value for c in jar if c.name.endswith("wsp_csrf"))
page = post(
    "/konto/tokeny",
    [("name", "schemathesis"), ("scope", "read"), ("scope", "vote"), ("scope", "manage")],
)
match = re.search(r'value="(wsp_[0-9a-f]{64})"', page)
if not match:
    sys.exit("no token on the page")
session = next(c.value for c in jar if c.name.endswith("wsp_session"))
print(match.group(1), session, csrf)
