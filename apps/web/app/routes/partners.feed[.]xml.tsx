import type { LoaderFunctionArgs } from '@remix-run/node';
import { partnersFeedResponse } from '../partners.server.js';

export const loader = ({ request }: LoaderFunctionArgs) => partnersFeedResponse(request);
