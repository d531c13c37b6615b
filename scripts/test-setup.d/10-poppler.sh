# poppler's pdftotext reads PDFs; the PDF tests use it when present. Installed from Debian when absent.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "installing poppler-utils (pdftotext)…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq poppler-utils >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq poppler-utils >/dev/null 2>&1; } \
    || echo "warning: could not install poppler-utils; PDF tests will check the missing-tool error instead"
fi
