# LibreOffice prints exported XLSX to PDF for the print test and the zoo's Calc printings (Calc), and the zoo's
# Word printings (Writer), headless, no X; a CJK font makes the Chinese text extractable from those PDFs.
# Installed from Debian when absent; the tests that need them skip, naming what is missing.
soffice_bin=$(command -v soffice || command -v libreoffice || true)
has_writer() { [ -n "$soffice_bin" ] && [ -e "$(dirname "$(readlink -f "$soffice_bin")")/libswlo.so" ]; }
if [ -z "$soffice_bin" ] || ! has_writer; then
  echo "installing libreoffice-calc-nogui and libreoffice-writer-nogui (soffice)…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  packages=(libreoffice-calc-nogui libreoffice-writer-nogui)
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${packages[@]}" >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${packages[@]}" >/dev/null 2>&1; } \
    || DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq libreoffice-calc libreoffice-writer >/dev/null 2>&1 \
    || echo "warning: could not install LibreOffice Calc and Writer; the XLSX print test and the zoo's office printings will be skipped"
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "installing fonts-noto-cjk (Chinese glyphs for printed PDFs)…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq fonts-noto-cjk >/dev/null 2>&1 \
    || echo "warning: could not install fonts-noto-cjk; printed PDFs may lack Chinese text"
fi
