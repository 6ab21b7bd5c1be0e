/** Chromium comes from Debian's package (see scripts/setup.sh); never download a browser at install. */
module.exports = { skipDownload: true };
