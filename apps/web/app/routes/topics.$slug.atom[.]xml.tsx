import type { LoaderFunctionArgs } from '@remix-run/node';
import { feedResponse } from '../feeds.server.js';

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  feedResponse(request, 'atom', params.slug ?? '');
