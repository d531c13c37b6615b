# The printing zoo (tests/Jixiao.Tests/Zoo) prints forms in five CJK fonts; without one, Chromium and
# LibreOffice fall back to another font silently and the zoo loses that variation. Installed when absent.
if command -v fc-list >/dev/null 2>&1; then
  missing=()
  fc-list : family | grep -q "AR PL UMing CN" || missing+=(fonts-arphic-uming)
  fc-list : family | grep -q "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
  fc-list : family | grep -q "WenQuanYi Zen Hei" || missing+=(fonts-wqy-zenhei)
  fc-list : family | grep -q "Noto Serif CJK SC" || missing+=(fonts-noto-cjk)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} (fonts of the printing zoo)…"
    if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
    DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${missing[@]}" >/dev/null 2>&1; } \
      || echo "warning: could not install ${missing[*]}; the zoo's printings fall back to another font"
  fi
fi
