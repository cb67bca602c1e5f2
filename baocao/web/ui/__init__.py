"""The shared layout of the web pages: base template, CSS and JavaScript, labels, login, home."""
