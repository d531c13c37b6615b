# The printing zoo (tests/Jixiao.Tests/Zoo) prints forms in five CJK fonts; without one, Chromium and
# LibreOffice fall back to another font silently and the zoo loses that variation. Installed when absent.
# (Sourced by test.sh under `set -euo pipefail`: no pipes into `grep -q`, whose early exit would fail them.)
if command -v fc-list >/dev/null 2>&1; then
  zoo_fonts_missing=()
  [ -n "$(fc-list 'AR PL UMing CN' family)" ] || zoo_fonts_missing+=(fonts-arphic-uming)
  [ -n "$(fc-list 'WenQuanYi Micro Hei' family)" ] || zoo_fonts_missing+=(fonts-wqy-microhei)
  [ -n "$(fc-list 'WenQuanYi Zen Hei' family)" ] || zoo_fonts_missing+=(fonts-wqy-zenhei)
  [ -n "$(fc-list 'Noto Serif CJK SC' family)" ] || zoo_fonts_missing+=(fonts-noto-cjk)
  if [ ${#zoo_fonts_missing[@]} -gt 0 ]; then
    echo "installing ${zoo_fonts_missing[*]} (fonts of the printing zoo)…"
    if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${zoo_fonts_missing[@]}" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${zoo_fonts_missing[@]}" >/dev/null 2>&1; } \
      || echo "warning: could not install ${zoo_fonts_missing[*]}; the zoo's printings fall back to another font"
  fi
fi
