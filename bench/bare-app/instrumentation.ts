// The bare page has nothing to check at start; this keeps Next from using the site's hook.
export function register() {}
