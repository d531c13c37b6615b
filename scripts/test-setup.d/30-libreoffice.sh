# LibreOffice prints exported XLSX to PDF for the print test (headless, no X); a CJK font makes the Chinese
# text extractable from that PDF. Installed from Debian when absent; the test skips when they are missing.
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
  echo "installing libreoffice-calc-nogui (soffice)…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq libreoffice-calc-nogui >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq libreoffice-calc-nogui >/dev/null 2>&1; } \
    || DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq libreoffice-calc >/dev/null 2>&1 \
    || echo "warning: could not install LibreOffice; the XLSX print test will be skipped"
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "installing fonts-noto-cjk (Chinese glyphs for printed PDFs)…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq fonts-noto-cjk >/dev/null 2>&1 \
    || echo "warning: could not install fonts-noto-cjk; printed PDFs may lack Chinese text"
fi
