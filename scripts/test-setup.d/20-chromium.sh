# Headless Chromium for the browser tests (Playwright drives Debian's chromium; it never downloads a
# browser), Debian's chromium-headless-shell for the app's PDF printer (same version, one process per page)
# and CJK fonts so pages render Chinese. Installed from Debian when absent.
if ! command -v chromium >/dev/null 2>&1 || [ ! -x /usr/lib/chromium/chromium-headless-shell ] || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  echo "installing chromium, chromium-headless-shell and fonts-noto-cjk…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  chromium_packages=(chromium chromium-headless-shell fonts-noto-cjk)
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${chromium_packages[@]}" >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq "${chromium_packages[@]}" >/dev/null 2>&1; } \
    || DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1 \
    || echo "warning: could not install chromium; browser tests will fail"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The web build fetches ECharts with npm (pinned in src/Jixiao.Web/package.json); the chart tests need it.
if ! command -v npm >/dev/null 2>&1; then
  echo "installing npm…"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]:-apt-get}" install -y -qq npm >/dev/null 2>&1 || echo "warning: could not install npm; charts fall back to tables"
fi
