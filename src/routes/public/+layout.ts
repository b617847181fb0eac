// The public pages are plain prerendered HTML: no script is sent, so they show everything
// with JavaScript off and weigh only their HTML, CSS and fonts.
export const csr = false;
