# Headless Chromium for the browser tests (Playwright drives Debian's chromium; it never downloads a
# browser) and CJK fonts so pages render Chinese. Installed from Debian when absent.
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
  echo "installing chromium and fonts-noto-cjk…"
  if [ "$(id -u)" = 0 ]; then apt_get=(apt-get); else apt_get=(sudo -n apt-get); fi
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq chromium fonts-noto-cjk >/dev/null 2>&1; } \
    || echo "warning: could not install chromium; browser tests will fail"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The web build fetches ECharts with npm (pinned in src/Jixiao.Web/package.json); the chart tests need it.
if ! command -v npm >/dev/null 2>&1; then
  echo "installing npm…"
  DEBIAN_FRONTEND=noninteractive "${apt_get[@]:-apt-get}" install -y -qq npm >/dev/null 2>&1 || echo "warning: could not install npm; charts fall back to tables"
fi
