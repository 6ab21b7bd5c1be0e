/*
 * exchange(a, b): swaps two paths in one step with Linux's renameat2(RENAME_EXCHANGE), which Node
 * has no binding for. Returns 0, or the errno (ENOSYS, EINVAL on file systems without it): the
 * caller then falls back to two renames.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <node_api.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static napi_value exchange(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  char a[4096], b[4096];
  size_t la = 0, lb = 0;
  napi_value result;
  int error = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc != 2 ||
      napi_get_value_string_utf8(env, argv[0], a, sizeof a, &la) != napi_ok ||
      napi_get_value_string_utf8(env, argv[1], b, sizeof b, &lb) != napi_ok) {
    napi_throw_type_error(env, NULL, "exchange(a, b) takes two paths");
    return NULL;
  }
  if (la >= sizeof a - 1 || lb >= sizeof b - 1) {
    error = ENAMETOOLONG;
  } else {
#ifdef SYS_renameat2
    if (syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) != 0) error = errno;
#else
    error = ENOSYS;
#endif
  }
  napi_create_int32(env, error, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "exchange", NAPI_AUTO_LENGTH, exchange, NULL, &fn);
  napi_set_named_property(env, exports, "exchange", fn);
  return exports;
}
