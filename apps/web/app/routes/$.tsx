// Any other address: the 404 page (rendered by the root error boundary with status 404, in the URL's language).
export async function loader() {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return null;
}
